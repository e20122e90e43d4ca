using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewsEndWithTheirPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A review left open when its plan ceased or moved to another council ends with it
            // (ReviewStage.Ended): its clocks are no longer the council's.
            migrationBuilder.Sql("""
                UPDATE annual_reviews SET stage = 'Ended', version = version + 1
                WHERE stage <> 'Completed' AND stage <> 'Ended'
                  AND assessment_id IN (SELECT id FROM ehc_needs_assessments WHERE stage <> 'PlanIssued')
                """);

            migrationBuilder.CreateIndex(
                name: "ix_annual_reviews_open_clock_facts",
                table: "annual_reviews",
                columns: new[] { "la_code", "rule_set_id", "due_by", "meeting_on", "invitations_sent_on", "papers_circulated_on", "meeting_held_on", "report_sent_on", "decided_on", "decision", "amendment_notice_on", "amended_plan_issued_on", "phase_transfer", "phase_transfer_due_by" },
                filter: "stage <> 'Completed' AND stage <> 'Ended'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_annual_reviews_open_clock_facts",
                table: "annual_reviews");
        }
    }
}
