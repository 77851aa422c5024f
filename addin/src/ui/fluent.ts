import { webLightTheme } from "@fluentui/tokens";
import { setTheme } from "@fluentui/web-components";
import "@fluentui/web-components/badge.js";
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/checkbox.js";
import "@fluentui/web-components/divider.js";
import "@fluentui/web-components/field.js";
import "@fluentui/web-components/message-bar.js";
import "@fluentui/web-components/progress-bar.js";
import "@fluentui/web-components/radio.js";
import "@fluentui/web-components/radio-group.js";
import "@fluentui/web-components/text-input.js";
import "@fluentui/web-components/textarea.js";

/**
 * The Fluent UI web components the pane draws with (Office's own look), each imported on
 * its own so the bundle carries only these (bench/addin-size.bench.ts keeps the initial JS
 * under 150 KB gzip), and the light theme's tokens as CSS variables that pane.css uses too.
 * Drop-downs stay native <select> elements inside a fluent-field: the field gives the label
 * above and Fluent's spacing; the native list is what keyboards and screen readers know best.
 */
export function useFluent(): void {
  setTheme(webLightTheme);
}
