CREATE TABLE "work_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Only the server's own background work takes leases; no request, in any tenant's role, reads them.
REVOKE ALL ON work_leases FROM guichet_app;
