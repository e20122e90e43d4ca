using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PlanAmendments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "latest_appeal_by",
                table: "ehc_needs_assessments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "not_amended_on",
                table: "annual_reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "recommended_by",
                table: "annual_reviews",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "plan_amendments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rule_set_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    notice_on = table.Column<DateOnly>(type: "date", nullable: false),
                    latest_draft_on = table.Column<DateOnly>(type: "date", nullable: false),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    decision_reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_amendments", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_amendments_ehc_needs_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plan_amendments_assessment_id",
                table: "plan_amendments",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_amendments_la_code_assessment_id",
                table: "plan_amendments",
                columns: new[] { "la_code", "assessment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_amendments_open_outside_review",
                table: "plan_amendments",
                columns: new[] { "la_code", "rule_set_id", "notice_on" },
                filter: "concluded_on IS NULL AND review_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_amendments");

            migrationBuilder.DropColumn(
                name: "latest_appeal_by",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "not_amended_on",
                table: "annual_reviews");

            migrationBuilder.DropColumn(
                name: "recommended_by",
                table: "annual_reviews");
        }
    }
}
