using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MainstreamIncompatibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "mainstream_incompatibility_evidence",
                table: "placements",
                type: "TEXT",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mainstream_incompatible_with",
                table: "placements",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mainstream_reasonable_steps",
                table: "placements",
                type: "TEXT",
                maxLength: 5000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "mainstream_incompatibility_evidence",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "mainstream_incompatible_with",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "mainstream_reasonable_steps",
                table: "placements");
        }
    }
}
