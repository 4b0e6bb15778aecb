import { Alert, type CSSVariablesResolver, createTheme } from "@mantine/core";

/**
 * Mantine's defaults, made to pass WCAG AA contrast: the primary colour one shade darker
 * (blue 8 on white is 5:1, the default blue 6 only 3.5:1), darker "dimmed" and error texts.
 */
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "sm",
  focusRing: "auto",
  // People who ask their system for less motion get modals and menus without animation.
  respectReducedMotion: true,
  components: {
    // Alert titles take the alert's light colour by default (yellow on pale yellow): keep them in text colour.
    Alert: Alert.extend({ styles: { title: { color: "var(--mantine-color-text)" } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    // Error texts and invalid inputs: red 9 (5.5:1) instead of red 6 (3.3:1).
    "--mantine-color-error": "var(--mantine-color-red-9)",
  },
  dark: {},
});

/** For white text on green: Mantine's darkest green (#2b8a3e) gives only 4.4:1, this one 6:1. */
export const GREEN = "#2b6e35";
