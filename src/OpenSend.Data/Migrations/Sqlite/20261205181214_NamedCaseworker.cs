using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NamedCaseworker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "caseworker_email",
                table: "ehc_needs_assessments",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "caseworker_name",
                table: "ehc_needs_assessments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "caseworker_person_id",
                table: "ehc_needs_assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_ehc_needs_assessments_la_code_caseworker_person_id",
                table: "ehc_needs_assessments",
                columns: new[] { "la_code", "caseworker_person_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ehc_needs_assessments_la_code_caseworker_person_id",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "caseworker_email",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "caseworker_name",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "caseworker_person_id",
                table: "ehc_needs_assessments");
        }
    }
}
