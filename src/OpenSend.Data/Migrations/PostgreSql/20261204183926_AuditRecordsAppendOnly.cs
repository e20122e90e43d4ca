using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AuditRecordsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only for the application itself: no row is deleted or truncated,
            // what a row says never changes, and an address can only be removed (RetentionSweep).
            // Sealing and re-sealing set only the chain's columns. Someone with the table owner's
            // rights can drop the trigger (so run the service as a role that does not own the
            // tables: docs/deploying.md); the keyed chain and a checkpoint kept outside catch them then.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
                        RAISE EXCEPTION 'audit records are append-only: they cannot be deleted' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.la_code IS DISTINCT FROM OLD.la_code OR NEW.assessment_id IS DISTINCT FROM OLD.assessment_id OR NEW.actor_id IS DISTINCT FROM OLD.actor_id OR NEW.actor_name IS DISTINCT FROM OLD.actor_name OR NEW.actor_role IS DISTINCT FROM OLD.actor_role OR NEW.actor_organisation IS DISTINCT FROM OLD.actor_organisation OR NEW.action IS DISTINCT FROM OLD.action OR NEW.at IS DISTINCT FROM OLD.at OR NEW.detail IS DISTINCT FROM OLD.detail
                       OR (NEW.source_address IS DISTINCT FROM OLD.source_address AND NEW.source_address IS NOT NULL)
                       OR (OLD.source_digest IS NOT NULL AND NEW.source_digest IS DISTINCT FROM OLD.source_digest)
                       OR (OLD.chain_sequence IS NOT NULL AND NEW.chain_sequence IS DISTINCT FROM OLD.chain_sequence) THEN
                        RAISE EXCEPTION 'audit records are append-only: what record % says cannot be changed', OLD.id USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
                    FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
                CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_records_no_truncate ON audit_records;
                DROP TRIGGER audit_records_append_only ON audit_records;
                DROP FUNCTION audit_records_append_only();
                """);
        }
    }
}
