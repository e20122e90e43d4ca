using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "not_amended_on",
                table: "annual_reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "recommended_by",
                table: "annual_reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "plan_amendments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    review_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    rule_set_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    notice_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    latest_draft_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    concluded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    decision_reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
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
