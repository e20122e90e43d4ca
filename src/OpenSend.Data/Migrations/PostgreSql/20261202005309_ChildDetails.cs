using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ChildDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "child_ethnicity",
                table: "ehc_needs_assessments",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "child_postcode",
                table: "ehc_needs_assessments",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "child_sex",
                table: "ehc_needs_assessments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "child_uln",
                table: "ehc_needs_assessments",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "child_upn",
                table: "ehc_needs_assessments",
                type: "character varying(13)",
                maxLength: 13,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "child_upn_unknown_reason",
                table: "ehc_needs_assessments",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "child_ethnicity",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "child_postcode",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "child_sex",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "child_uln",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "child_upn",
                table: "ehc_needs_assessments");

            migrationBuilder.DropColumn(
                name: "child_upn_unknown_reason",
                table: "ehc_needs_assessments");
        }
    }
}
