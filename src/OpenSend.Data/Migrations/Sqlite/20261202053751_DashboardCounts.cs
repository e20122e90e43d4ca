using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dashboard_countings",
                columns: table => new
                {
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    census = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    counted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    through_change = table.Column<long>(type: "INTEGER", nullable: false),
                    live_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dashboard_countings", x => new { x.la_code, x.year });
                });

            migrationBuilder.CreateTable(
                name: "dashboard_counts",
                columns: table => new
                {
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    measure_id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    breakdown = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    group = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    numerator = table.Column<int>(type: "INTEGER", nullable: false),
                    denominator = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dashboard_counts", x => new { x.la_code, x.year, x.breakdown, x.measure_id, x.group });
                });

            migrationBuilder.CreateTable(
                name: "record_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_changes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_record_changes_la_code_id",
                table: "record_changes",
                columns: new[] { "la_code", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dashboard_countings");

            migrationBuilder.DropTable(
                name: "dashboard_counts");

            migrationBuilder.DropTable(
                name: "record_changes");
        }
    }
}
