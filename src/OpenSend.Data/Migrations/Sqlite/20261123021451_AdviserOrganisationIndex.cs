using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdviserOrganisationIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_advice_requests_adviser_organisation_id_assessment_id",
                table: "advice_requests",
                columns: new[] { "adviser_organisation_id", "assessment_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_advice_requests_adviser_organisation_id_assessment_id",
                table: "advice_requests");
        }
    }
}
