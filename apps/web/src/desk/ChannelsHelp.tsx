import { Code, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DeskForm } from "../api/desk-types";
import type { ContractSummary, PlanChannels } from "../api/types";
import { Section } from "../components/Section";
import { useDeskWords } from "./vocabulary";

/**
 * The customer's plan's channels (MCR-SUP-03, DSN-SUP-01, DSN-SUP-08): the portal, e-mail always,
 * only while the portal is down, or never, and the phone for some priorities once a ticket exists.
 */
export function ChannelsHelp({
  form,
  channels,
  contract,
}: {
  form: DeskForm;
  channels: PlanChannels;
  contract: ContractSummary;
}) {
  const { t } = useTranslation();
  const words = useDeskWords();
  const { email, phone } = channels;
  // The plan's own address, else the deployment's; none is made up when neither is published.
  const address = email.address ?? contract.deskMailAddress;
  const emailText = {
    always: address ? t("desk.help.emailAlways", { address }) : t("desk.help.emailAlwaysUnpublished"),
    "when-portal-unavailable": address
      ? t("desk.help.emailWhenDown", { address })
      : t("desk.help.emailWhenDownUnpublished"),
    never: t(`deskWords.${words}.emailNever`),
  }[email.accept];
  const phoneText = phone
    ? t(phone.requiresExistingTicket ? "desk.help.phoneText" : "desk.help.phoneAnyTicket", {
        priorities: phone.priorities.join(", "),
      })
    : t("desk.help.noPhone");
  return (
    <>
      <Section title={t("desk.help.channels")} clause={channels.clause}>
        <List spacing="xs">
          {channels.portal && (
            <List.Item>
              <Text span fw={700}>
                {t("desk.help.portal")}
              </Text>{" "}
              — {t(`deskWords.${words}.portalText`)}
            </List.Item>
          )}
          <List.Item>
            <Text span fw={700}>
              {t("desk.help.email")}
            </Text>{" "}
            — {emailText} ({email.clause})
            {email.accept === "when-portal-unavailable" && form.emailAccepted && (
              <Text fw={700}>{t("desk.help.emailNow")}</Text>
            )}
          </List.Item>
          <List.Item>
            <Text span fw={700}>
              {t("desk.help.phone")}
            </Text>{" "}
            — {phoneText}
            {phone ? ` (${phone.clause})` : ""}
          </List.Item>
        </List>
      </Section>
      {email.accept !== "never" && <WritingByEmail form={form} channels={channels} address={address} />}
    </>
  );
}

/** How an e-mail becomes a ticket: the sender, the subject, the body's template lines (MCR-SUP-09). */
function WritingByEmail({
  form,
  channels,
  address,
}: {
  form: DeskForm;
  channels: PlanChannels;
  address: string | null;
}) {
  const { t } = useTranslation();
  const words = useDeskWords();
  const { email } = channels;
  const template = t("desk.help.templateLines", {
    service: form.services[0]?.name ?? "…",
    category: form.categories.find((category) => category.key === "incident")?.key ?? form.categories[0]?.key,
  });
  return (
    <Section title={t("desk.help.writeHeading")} clause={email.clause}>
      <Stack gap="xs">
        {address && <Text>{t("desk.help.to", { address })}</Text>}
        {email.senderMustBe && <Text>{t(`desk.help.senders.${email.senderMustBe}`)}</Text>}
        <Text>
          {email.subjectNeedsReference ? t("desk.help.subjectReference") : t("desk.help.subjectFree")}
        </Text>
        <Text>{t("desk.help.template")}</Text>
        <Code block>{template}</Code>
        <Text>{t(`deskWords.${words}.replies`)}</Text>
      </Stack>
    </Section>
  );
}
