// The Mantine stylesheets the case screens need beyond the app shell's (loaded with this chunk).
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Switch.css';
import '@mantine/core/styles/Tabs.css';
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/Timeline.css';
import '@mantine/core/styles/List.css';
