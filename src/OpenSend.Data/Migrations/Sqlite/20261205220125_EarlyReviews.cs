using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EarlyReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing councils start with the 15 days the model gives a new one (LocalAuthority.EarlyReviewDecisionDays).
            migrationBuilder.AddColumn<int>(
                name: "early_review_decision_days",
                table: "local_authorities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<bool>(
                name: "brought_forward",
                table: "annual_reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "early_review_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    asked_by = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    asked_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reasons = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    asked_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    asked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decide_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    decision_reasons = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    review_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_early_review_requests", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_early_review_requests_la_code_assessment_id",
                table: "early_review_requests",
                columns: new[] { "la_code", "assessment_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "early_review_requests");

            migrationBuilder.DropColumn(
                name: "early_review_decision_days",
                table: "local_authorities");

            migrationBuilder.DropColumn(
                name: "brought_forward",
                table: "annual_reviews");
        }
    }
}
