// The Mantine stylesheets the duplicate review adds to the app's base set (web/src/styles.ts).
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Tabs.css';
