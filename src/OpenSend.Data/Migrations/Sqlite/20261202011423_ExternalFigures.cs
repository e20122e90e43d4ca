using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExternalFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "external_figures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    measure_id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    area_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    numerator = table.Column<decimal>(type: "TEXT", nullable: true),
                    denominator = table.Column<decimal>(type: "TEXT", nullable: true),
                    value = table.Column<decimal>(type: "TEXT", nullable: true),
                    suppressed = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    loaded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_figures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_external_figures_measure_id_area_code_year",
                table: "external_figures",
                columns: new[] { "measure_id", "area_code", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "external_figures");
        }
    }
}
