/// <reference types="vite/client" />
// Vite's client types: import.meta.glob for the per-area translation files, and CSS imports.
