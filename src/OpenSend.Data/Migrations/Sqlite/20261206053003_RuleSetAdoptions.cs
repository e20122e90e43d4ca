using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    rule_set_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
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
