-- A mail received twice joins its ticket once: the key holds only for events that came by mail.
-- Partial, so opening a ticket or writing a note (no Message-ID) adds no entry to it.
DROP INDEX "ticket_events_message_key";--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_events_message_key" ON "ticket_events" USING btree ("ticket_id","message_id") WHERE "ticket_events"."message_id" is not null;