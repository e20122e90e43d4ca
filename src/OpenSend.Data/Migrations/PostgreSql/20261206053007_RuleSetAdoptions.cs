using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RuleSetAdoptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rule_set_adoptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    rule_set_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rule_set_adoptions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rule_set_adoptions_la_code_recorded_at",
                table: "rule_set_adoptions",
                columns: new[] { "la_code", "recorded_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rule_set_adoptions");
        }
    }
}
