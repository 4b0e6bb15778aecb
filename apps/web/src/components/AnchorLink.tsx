import { Anchor, type AnchorProps } from "@mantine/core";
import { createLink } from "@tanstack/react-router";
import type { AnchorHTMLAttributes, Ref } from "react";

function MantineAnchor({
  ref,
  ...props
}: AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> }) {
  return <Anchor ref={ref} {...props} />;
}

/** A Mantine link to a page of the portal, with the router's typed path and params. */
export const AnchorLink = createLink(MantineAnchor);
