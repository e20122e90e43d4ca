using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "during_disagreement_setting",
                table: "ehc_needs_assessments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "during_disagreement_since",
                table: "ehc_needs_assessments",
                type: "TEXT",
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
