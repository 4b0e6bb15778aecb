import "./mantine-styles";
import "./styles.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { setNonce } from "get-nonce";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { languageReady } from "./i18n";
import { queryClient } from "./query-client";
import { router } from "./router";
import { cssVariablesResolver, theme } from "./theme";

/**
 * The nonce the server gave this copy of the page (apps/server/src/http/web.ts): the page's
 * Content-Security-Policy allows inline <style> elements only with it, and Mantine writes some
 * (its theme's CSS variables, breakpoint classes, responsive style props). Read as the element's
 * `nonce` property: browsers hide the attribute's value from the DOM.
 */
const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? "";
// Mantine's modals and drawers lock the page's scroll with react-remove-scroll, whose <style>
// element takes its nonce from get-nonce.
setNonce(styleNonce);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// French is in this script; a reader of another language waits for her catalogue, not for a flash of
// French. A catalogue that cannot be fetched (offline, or a new version replaced the files) leaves
// the texts in the fallback languages, French last: a page in French, never a blank one.
await languageReady().catch(() => undefined);

// A transition: React renders the first page in slices, yielding between them, instead of one long
// task a phone's taps and scrolls would wait behind (issue 13, first load: total blocking time).
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="light"
        getStyleNonce={() => styleNonce}
      >
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
});
