using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_documents_ehc_needs_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_documents_assessment_id",
                table: "case_documents",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_documents_la_code_assessment_id",
                table: "case_documents",
                columns: new[] { "la_code", "assessment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_documents_sha256",
                table: "case_documents",
                column: "sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_documents");
        }
    }
}
