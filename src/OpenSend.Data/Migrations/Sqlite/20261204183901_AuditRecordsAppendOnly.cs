using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditRecordsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only for the application itself: no row is deleted, what a row
            // says never changes, and an address can only be removed (RetentionSweep). Sealing and
            // re-sealing set only the chain's columns. Someone with the database owner's rights can
            // drop these triggers; the keyed chain and a checkpoint kept outside catch what they do then.
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
                BEGIN SELECT RAISE(ABORT, 'audit records are append-only: they cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_records_no_edit BEFORE UPDATE ON audit_records
                WHEN NEW."id" IS NOT OLD."id" OR NEW."la_code" IS NOT OLD."la_code" OR NEW."assessment_id" IS NOT OLD."assessment_id" OR NEW."actor_id" IS NOT OLD."actor_id" OR NEW."actor_name" IS NOT OLD."actor_name" OR NEW."actor_role" IS NOT OLD."actor_role" OR NEW."actor_organisation" IS NOT OLD."actor_organisation" OR NEW."action" IS NOT OLD."action" OR NEW."at" IS NOT OLD."at" OR NEW."detail" IS NOT OLD."detail" OR (NEW.source_address IS NOT OLD.source_address AND NEW.source_address IS NOT NULL) OR (OLD.source_digest IS NOT NULL AND NEW.source_digest IS NOT OLD.source_digest) OR (OLD.chain_sequence IS NOT NULL AND NEW.chain_sequence IS NOT OLD.chain_sequence)
                BEGIN SELECT RAISE(ABORT, 'audit records are append-only: what a record says cannot be changed'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_records_no_edit;");
            migrationBuilder.Sql("DROP TRIGGER audit_records_no_delete;");
        }
    }
}
