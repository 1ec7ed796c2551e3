// Stylesheets are bundled by Vite; TypeScript only needs to know that importing them is allowed.
declare module '*.css';
