import { webLightTheme } from "@fluentui/tokens";
import { setTheme } from "@fluentui/web-components";
import "@fluentui/web-components/badge.js";
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/field.js";
import "@fluentui/web-components/message-bar.js";
import "@fluentui/web-components/progress-bar.js";

/**
 * The Fluent UI web components the pane draws with (Office's own look), each imported on
 * its own so the bundle carries only these (bench/addin-size.bench.ts keeps the initial JS
 * under 150 KB gzip), and the light theme's tokens as CSS variables that pane.css uses too.
 * Form controls stay native (input, select, textarea, checkbox, radio) inside fluent-field:
 * the field gives the label above and Fluent's spacing, pane.css Fluent's colours, and the
 * native control its own role, state and form value where every assistive tool sees them
 * (Fluent's own keep them in ElementInternals, invisible to axe-core and older readers).
 */
export function useFluent(): void {
  setTheme(webLightTheme);
}
