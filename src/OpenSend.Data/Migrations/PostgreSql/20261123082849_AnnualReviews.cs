using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AnnualReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "under_fives_review_months",
                table: "local_authorities",
                type: "integer",
                nullable: false,
                defaultValue: 6); // CoP 9.178: every 3 to 6 months for under-5s; 6 until the LA chooses

            migrationBuilder.CreateTable(
                name: "annual_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_set_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    setting_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_by = table.Column<DateOnly>(type: "date", nullable: false),
                    phase_transfer = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    phase_transfer_due_by = table.Column<DateOnly>(type: "date", nullable: true),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    meeting_on = table.Column<DateOnly>(type: "date", nullable: true),
                    invitations_sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    papers_circulated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    meeting_held_on = table.Column<DateOnly>(type: "date", nullable: true),
                    report_sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    report = table.Column<string>(type: "text", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    decision_reasons = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    cease_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    amendment_notice_on = table.Column<DateOnly>(type: "date", nullable: true),
                    amended_plan_issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_annual_reviews_ehc_needs_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_reviews_assessment_id",
                table: "annual_reviews",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_annual_reviews_la_code_stage_due_by",
                table: "annual_reviews",
                columns: new[] { "la_code", "stage", "due_by" });

            migrationBuilder.CreateIndex(
                name: "ix_annual_reviews_setting_organisation_id_stage",
                table: "annual_reviews",
                columns: new[] { "setting_organisation_id", "stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annual_reviews");

            migrationBuilder.DropColumn(
                name: "under_fives_review_months",
                table: "local_authorities");
        }
    }
}
