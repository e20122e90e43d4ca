using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReviewContributionsAndCeasing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "cease_decided_on",
                table: "ehc_needs_assessments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cease_reason",
                table: "ehc_needs_assessments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "plan_ceased_on",
                table: "ehc_needs_assessments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "phase_transfer_on",
                table: "annual_reviews",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "review_contributions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    review_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    child_views = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_contributions", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_contributions_annual_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "annual_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_review_contributions_assessment_id",
                table: "review_contributions",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_contributions_la_code_review_id",
                table: "review_contributions",
                columns: new[] { "la_code", "review_id" });

            migrationBuilder.CreateIndex(
                name: "ix_review_contributions_review_id",
                table: "review_contributions",
                column: "review_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "review_contributions");

            migrationBuilder.DropColumn(
                name: "cease_decided_on",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "cease_reason",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "plan_ceased_on",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "phase_transfer_on",
                table: "annual_reviews");
        }
    }
}
