-- One index for mail-borne events instead of two: the unique key led by the Message-ID also finds
-- a mail received again whichever ticket it went to (what ticket_events_message_idx was for), and a
-- ticket's writes open and lock one index fewer.
DROP INDEX "ticket_events_message_idx";--> statement-breakpoint
DROP INDEX "ticket_events_message_key";--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_events_message_key" ON "ticket_events" USING btree ("message_id","ticket_id") WHERE "ticket_events"."message_id" is not null;