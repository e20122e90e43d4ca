using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class YoungPersonRights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "lacks_capacity",
                table: "ehc_needs_assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "parent_access_ended_on",
                table: "ehc_needs_assessments",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lacks_capacity",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "parent_access_ended_on",
                table: "ehc_needs_assessments");
        }
    }
}
