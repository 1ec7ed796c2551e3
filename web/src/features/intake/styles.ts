// Mantine stylesheets of the components the intake, hotline and work screens add to the app's
// base set (web/src/styles.ts); imported by those screens only, so other pages do not wait for them.
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Switch.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/List.css';
