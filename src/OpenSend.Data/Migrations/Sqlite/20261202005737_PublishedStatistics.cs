using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublishedStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "published_rows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    release = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    table = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    time_period = table.Column<int>(type: "INTEGER", nullable: false),
                    time_identifier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    area_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    area_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    breakdown_topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    breakdown = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    values_json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_published_rows", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_published_rows_table_level_area_code_breakdown_topic_breakdown_time_period",
                table: "published_rows",
                columns: new[] { "table", "level", "area_code", "breakdown_topic", "breakdown", "time_period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_published_rows_table_time_period_breakdown_topic",
                table: "published_rows",
                columns: new[] { "table", "time_period", "breakdown_topic" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "published_rows");
        }
    }
}
