using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticalNeighbours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "statistical_neighbours",
                columns: table => new
                {
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    neighbour_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statistical_neighbours", x => new { x.la_code, x.neighbour_code });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "statistical_neighbours");
        }
    }
}
