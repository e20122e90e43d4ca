using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Placements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commissioned_places",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    setting_urn = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    need = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    commissioned = table.Column<int>(type: "integer", nullable: false),
                    filled = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioned_places", x => x.id);
                    table.ForeignKey(
                        name: "fk_commissioned_places_settings_setting_urn",
                        column: x => x.setting_urn,
                        principalTable: "settings",
                        principalColumn: "urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "placements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    primary_need = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    home_postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    home_easting = table.Column<int>(type: "integer", nullable: true),
                    home_northing = table.Column<int>(type: "integer", nullable: true),
                    max_distance_km = table.Column<double>(type: "double precision", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    list_proposed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    list_shared_on = table.Column<DateOnly>(type: "date", nullable: true),
                    preferences_expressed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    named_urn = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    named_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    named_preference_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_reasons = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placements", x => x.id);
                    table.ForeignKey(
                        name: "fk_placements_ehc_needs_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "suitable_settings",
                columns: table => new
                {
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    setting_urn = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    added_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suitable_settings", x => new { x.la_code, x.setting_urn });
                    table.ForeignKey(
                        name: "fk_suitable_settings_settings_setting_urn",
                        column: x => x.setting_urn,
                        principalTable: "settings",
                        principalColumn: "urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "placement_list_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    urn = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    distance_km = table.Column<double>(type: "double precision", nullable: true),
                    available_when_listed = table.Column<int>(type: "integer", nullable: true),
                    why = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    added_by_caseworker = table.Column<bool>(type: "boolean", nullable: false),
                    added_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    removed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    removed_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placement_list_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_placement_list_entries_placements_placement_id",
                        column: x => x.placement_id,
                        principalTable: "placements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "setting_preferences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    urn = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_mainstream = table.Column<bool>(type: "boolean", nullable: false),
                    is_section38setting = table.Column<bool>(type: "boolean", nullable: false),
                    from_list = table.Column<bool>(type: "boolean", nullable: false),
                    reasons = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    expressed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expressed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    consultation_sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    consultation_due_by = table.Column<DateOnly>(type: "date", nullable: true),
                    response = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    response_reasons = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    responded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    responded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    grounds = table.Column<string>(type: "text", nullable: false),
                    reasonable_steps = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_setting_preferences", x => x.id);
                    table.ForeignKey(
                        name: "fk_setting_preferences_placements_placement_id",
                        column: x => x.placement_id,
                        principalTable: "placements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commissioned_places_la_code_setting_urn_kind_need",
                table: "commissioned_places",
                columns: new[] { "la_code", "setting_urn", "kind", "need" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_commissioned_places_setting_urn",
                table: "commissioned_places",
                column: "setting_urn");

            migrationBuilder.CreateIndex(
                name: "ix_placement_list_entries_la_code_placement_id",
                table: "placement_list_entries",
                columns: new[] { "la_code", "placement_id" });

            migrationBuilder.CreateIndex(
                name: "ix_placement_list_entries_placement_id",
                table: "placement_list_entries",
                column: "placement_id");

            migrationBuilder.CreateIndex(
                name: "ix_placements_assessment_id",
                table: "placements",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_placements_la_code_assessment_id",
                table: "placements",
                columns: new[] { "la_code", "assessment_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_setting_preferences_la_code_placement_id",
                table: "setting_preferences",
                columns: new[] { "la_code", "placement_id" });

            migrationBuilder.CreateIndex(
                name: "ix_setting_preferences_placement_id",
                table: "setting_preferences",
                column: "placement_id");

            migrationBuilder.CreateIndex(
                name: "ix_setting_preferences_urn_consultation_sent_on",
                table: "setting_preferences",
                columns: new[] { "urn", "consultation_sent_on" });

            migrationBuilder.CreateIndex(
                name: "ix_suitable_settings_setting_urn",
                table: "suitable_settings",
                column: "setting_urn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commissioned_places");

            migrationBuilder.DropTable(
                name: "placement_list_entries");

            migrationBuilder.DropTable(
                name: "setting_preferences");

            migrationBuilder.DropTable(
                name: "suitable_settings");

            migrationBuilder.DropTable(
                name: "placements");
        }
    }
}
