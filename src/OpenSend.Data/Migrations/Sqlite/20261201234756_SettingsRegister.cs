using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SettingsRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    urn = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    type_code = table.Column<int>(type: "INTEGER", nullable: true),
                    type_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    phase = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    low_age = table.Column<int>(type: "INTEGER", nullable: true),
                    high_age = table.Column<int>(type: "INTEGER", nullable: true),
                    capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    pupils = table.Column<int>(type: "INTEGER", nullable: true),
                    caters_for_codes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    specialist = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    resourced_provision_capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    resourced_provision_on_roll = table.Column<int>(type: "INTEGER", nullable: true),
                    sen_unit_capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    sen_unit_on_roll = table.Column<int>(type: "INTEGER", nullable: true),
                    section41approved = table.Column<bool>(type: "INTEGER", nullable: false),
                    ukprn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    town = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    easting = table.Column<int>(type: "INTEGER", nullable: true),
                    northing = table.Column<int>(type: "INTEGER", nullable: true),
                    predecessor_urn = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    last_changed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.urn);
                });

            migrationBuilder.CreateIndex(
                name: "ix_settings_la_code_status",
                table: "settings",
                columns: new[] { "la_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_settings_postcode",
                table: "settings",
                column: "postcode");

            migrationBuilder.CreateIndex(
                name: "ix_settings_ukprn",
                table: "settings",
                column: "ukprn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "settings");
        }
    }
}
