using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DuringDisagreement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "during_disagreement",
                table: "ehc_needs_assessments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "during_disagreement_setting",
                table: "ehc_needs_assessments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "during_disagreement_since",
                table: "ehc_needs_assessments",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "during_disagreement",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "during_disagreement_setting",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "during_disagreement_since",
                table: "ehc_needs_assessments");
        }
    }
}
