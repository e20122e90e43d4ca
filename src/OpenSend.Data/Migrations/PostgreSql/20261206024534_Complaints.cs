using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "complaint_stage_one_working_days",
                table: "local_authorities",
                type: "integer",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<int>(
                name: "complaint_stage_two_working_days",
                table: "local_authorities",
                type: "integer",
                nullable: false,
                defaultValue: 20);

            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    made_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    made_on = table.Column<DateOnly>(type: "date", nullable: false),
                    summary = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    about_health = table.Column<bool>(type: "boolean", nullable: false),
                    wants_disagreement_resolution = table.Column<bool>(type: "boolean", nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    answer_due_by = table.Column<DateOnly>(type: "date", nullable: true),
                    stage_one_answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    stage_one_answer = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    escalated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    stage_two_answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    stage_two_answer = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    ombudsman_referred_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ombudsman_decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ombudsman_decision = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaints", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaints_ehc_needs_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_assessment_id",
                table: "complaints",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_la_code_assessment_id",
                table: "complaints",
                columns: new[] { "la_code", "assessment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_la_code_stage",
                table: "complaints",
                columns: new[] { "la_code", "stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaints");

            migrationBuilder.DropColumn(
                name: "complaint_stage_one_working_days",
                table: "local_authorities");

            migrationBuilder.DropColumn(
                name: "complaint_stage_two_working_days",
                table: "local_authorities");
        }
    }
}
