using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    actor_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "form_journeys",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    state_json = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_journeys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_authorities",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    gss_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    region_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    adopted_rule_set_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    adopted_rule_set_from = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_authorities", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "reference_counters",
                columns: table => new
                {
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_counters", x => new { x.la_code, x.year });
                });

            migrationBuilder.CreateTable(
                name: "ehc_needs_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason_for_request = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    consent_to_share = table.Column<bool>(type: "boolean", nullable: false),
                    request_received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    rule_set_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    assess_decision_on = table.Column<DateOnly>(type: "date", nullable: true),
                    will_assess = table.Column<bool>(type: "boolean", nullable: true),
                    issue_decision_on = table.Column<DateOnly>(type: "date", nullable: true),
                    will_issue = table.Column<bool>(type: "boolean", nullable: true),
                    drafts_served = table.Column<int>(type: "integer", nullable: false),
                    draft_served_on = table.Column<DateOnly>(type: "date", nullable: true),
                    representations_received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    family_has_no_further_comments = table.Column<bool>(type: "boolean", nullable: false),
                    meeting_requested = table.Column<bool>(type: "boolean", nullable: false),
                    requested_setting = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    final_plan_issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    named_setting = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    transferred_to_la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    next_deadline_on = table.Column<DateOnly>(type: "date", nullable: true),
                    next_deadline_step = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    tracking_token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    child_date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    child_family_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    child_given_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requester_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    requester_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    requester_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requester_organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    requester_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ehc_needs_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_ehc_needs_assessments_local_authorities_la_code",
                        column: x => x.la_code,
                        principalTable: "local_authorities",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "advice_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    adviser_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advice_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_advice_requests_ehc_needs_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_recommendations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    meeting_on = table.Column<DateOnly>(type: "date", nullable: false),
                    notes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_recommendations", x => x.id);
                    table.ForeignKey(
                        name: "fk_panel_recommendations_ehc_needs_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pathway_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    family_summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    detail = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pathway_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_pathway_events_ehc_needs_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pathway_exceptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    steps = table.Column<string[]>(type: "text[]", nullable: false),
                    advice_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    explanation = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pathway_exceptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_pathway_exceptions_ehc_needs_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "ehc_needs_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_advice_requests_assessment_id",
                table: "advice_requests",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_advice_requests_la_code_assessment_id",
                table: "advice_requests",
                columns: new[] { "la_code", "assessment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_la_code_assessment_id_at",
                table: "audit_records",
                columns: new[] { "la_code", "assessment_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_ehc_needs_assessments_la_code_next_deadline_on",
                table: "ehc_needs_assessments",
                columns: new[] { "la_code", "next_deadline_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ehc_needs_assessments_la_code_reference",
                table: "ehc_needs_assessments",
                columns: new[] { "la_code", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ehc_needs_assessments_la_code_stage_next_deadline_on",
                table: "ehc_needs_assessments",
                columns: new[] { "la_code", "stage", "next_deadline_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ehc_needs_assessments_tracking_token_hash",
                table: "ehc_needs_assessments",
                column: "tracking_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_form_journeys_updated_at",
                table: "form_journeys",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_panel_recommendations_assessment_id",
                table: "panel_recommendations",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_recommendations_la_code_assessment_id",
                table: "panel_recommendations",
                columns: new[] { "la_code", "assessment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_pathway_events_assessment_id",
                table: "pathway_events",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_pathway_events_la_code_assessment_id_occurred_on",
                table: "pathway_events",
                columns: new[] { "la_code", "assessment_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_pathway_exceptions_assessment_id",
                table: "pathway_exceptions",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_pathway_exceptions_la_code_assessment_id",
                table: "pathway_exceptions",
                columns: new[] { "la_code", "assessment_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "advice_requests");

            migrationBuilder.DropTable(
                name: "audit_records");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "form_journeys");

            migrationBuilder.DropTable(
                name: "panel_recommendations");

            migrationBuilder.DropTable(
                name: "pathway_events");

            migrationBuilder.DropTable(
                name: "pathway_exceptions");

            migrationBuilder.DropTable(
                name: "reference_counters");

            migrationBuilder.DropTable(
                name: "ehc_needs_assessments");

            migrationBuilder.DropTable(
                name: "local_authorities");
        }
    }
}
