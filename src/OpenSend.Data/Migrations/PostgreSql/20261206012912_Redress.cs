using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Redress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "tribunal_orders",
                table: "ehc_needs_assessments",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "mediations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_set_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    information_given_on = table.Column<DateOnly>(type: "date", nullable: false),
                    declined_on = table.Column<DateOnly>(type: "date", nullable: true),
                    council_told_on = table.Column<DateOnly>(type: "date", nullable: true),
                    issues = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    mediation_service_id = table.Column<Guid>(type: "uuid", nullable: true),
                    mediation_service_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    includes_health = table.Column<bool>(type: "boolean", nullable: false),
                    includes_social_care = table.Column<bool>(type: "boolean", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    agreement_summary = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    agreement_tribunal_could_not_order = table.Column<bool>(type: "boolean", nullable: false),
                    agreement_carried_out_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decision_maker_attended = table.Column<bool>(type: "boolean", nullable: true),
                    certificate_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mediations", x => x.id);
                    table.ForeignKey(
                        name: "fk_mediations_ehc_needs_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tribunal_appeals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_set_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    tribunal_reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    mediation_certificate_on = table.Column<DateOnly>(type: "date", nullable: true),
                    appeal_by = table.Column<DateOnly>(type: "date", nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sent_to_council_on = table.Column<DateOnly>(type: "date", nullable: true),
                    response_sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    not_opposed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    hearing_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome_detail = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    orders = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    recommendations = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    sections = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tribunal_appeals", x => x.id);
                    table.ForeignKey(
                        name: "fk_tribunal_appeals_ehc_needs_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mediations_assessment_id",
                table: "mediations",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_mediations_la_code_assessment_id",
                table: "mediations",
                columns: new[] { "la_code", "assessment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_mediations_mediation_service_id_stage",
                table: "mediations",
                columns: new[] { "mediation_service_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_tribunal_appeals_assessment_id",
                table: "tribunal_appeals",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_tribunal_appeals_la_code_assessment_id",
                table: "tribunal_appeals",
                columns: new[] { "la_code", "assessment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tribunal_appeals_la_code_stage",
                table: "tribunal_appeals",
                columns: new[] { "la_code", "stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mediations");

            migrationBuilder.DropTable(
                name: "tribunal_appeals");

            migrationBuilder.DropColumn(
                name: "tribunal_orders",
                table: "ehc_needs_assessments");
        }
    }
}
