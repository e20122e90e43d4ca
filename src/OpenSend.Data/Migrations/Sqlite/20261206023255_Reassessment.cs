using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reassessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "reassess_decision_on",
                table: "ehc_needs_assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "reassessment_concluded_on",
                table: "ehc_needs_assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reassessment_requested_by",
                table: "ehc_needs_assessments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "reassessment_requested_on",
                table: "ehc_needs_assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "will_reassess",
                table: "ehc_needs_assessments",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reassess_decision_on",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "reassessment_concluded_on",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "reassessment_requested_by",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "reassessment_requested_on",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "will_reassess",
                table: "ehc_needs_assessments");
        }
    }
}
