using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class KeyedAuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "chain_form",
                table: "audit_records",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source_digest",
                table: "audit_records",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            // Records sealed before the chain was keyed keep the first form (SHA-256), and still verify.
            migrationBuilder.Sql("UPDATE audit_records SET chain_form = 1 WHERE chain_sequence IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "chain_form",
                table: "audit_records");

            migrationBuilder.DropColumn(
                name: "source_digest",
                table: "audit_records");
        }
    }
}
