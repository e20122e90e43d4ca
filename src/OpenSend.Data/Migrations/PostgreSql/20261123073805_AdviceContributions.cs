using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AdviceContributions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "advice_request_id",
                table: "case_documents",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "advice_contributions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    advice_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    summary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advice_contributions", x => x.id);
                    table.ForeignKey(
                        name: "fk_advice_contributions_advice_requests_advice_request_id",
                        column: x => x.advice_request_id,
                        principalTable: "advice_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_advice_contributions_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_documents_advice_request_id",
                table: "case_documents",
                column: "advice_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_advice_contributions_advice_request_id",
                table: "advice_contributions",
                column: "advice_request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_advice_contributions_assessment_id",
                table: "advice_contributions",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_advice_contributions_la_code_assessment_id",
                table: "advice_contributions",
                columns: new[] { "la_code", "assessment_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "advice_contributions");

            migrationBuilder.DropIndex(
                name: "ix_case_documents_advice_request_id",
                table: "case_documents");

            migrationBuilder.DropColumn(
                name: "advice_request_id",
                table: "case_documents");
        }
    }
}
