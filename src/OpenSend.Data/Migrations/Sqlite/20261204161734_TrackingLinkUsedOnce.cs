using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrackingLinkUsedOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "tracking_link_used_at",
                table: "ehc_needs_assessments",
                type: "INTEGER",
                nullable: true);

            // A link already used to add the request to an account is used up, like one used from now on.
            migrationBuilder.Sql(
                "UPDATE ehc_needs_assessments SET tracking_link_used_at = " +
                "(SELECT min(l.linked_at) FROM family_links l WHERE l.assessment_id = ehc_needs_assessments.id AND l.source = 'TrackingLink') " +
                "WHERE EXISTS (SELECT 1 FROM family_links l WHERE l.assessment_id = ehc_needs_assessments.id AND l.source = 'TrackingLink');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "tracking_link_used_at",
                table: "ehc_needs_assessments");
        }
    }
}
