using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TransferredPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "plan_last_reviewed_on",
                table: "ehc_needs_assessments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "transfer_notice_on",
                table: "ehc_needs_assessments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "transfer_proposes_assessment",
                table: "ehc_needs_assessments",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "transfer_review_proposed_on",
                table: "ehc_needs_assessments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "transferred_from_la_code",
                table: "ehc_needs_assessments",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "transferred_in_on",
                table: "ehc_needs_assessments",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "plan_last_reviewed_on",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "transfer_notice_on",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "transfer_proposes_assessment",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "transfer_review_proposed_on",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "transferred_from_la_code",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "transferred_in_on",
                table: "ehc_needs_assessments");
        }
    }
}
