using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace OpenSend.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LocalOffer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "local_offer_providers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_offer_providers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_offer_taxonomies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    uri = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_offer_taxonomies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_offer_services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    provider_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    eligibility = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    fees = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    minimum_age = table.Column<int>(type: "INTEGER", nullable: true),
                    maximum_age = table.Column<int>(type: "INTEGER", nullable: true),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 4201, nullable: false),
                    last_modified = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    cost_options = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    locations = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    schedules = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_offer_services", x => x.id);
                    table.ForeignKey(
                        name: "fk_local_offer_services_local_offer_providers_provider_id",
                        column: x => x.provider_id,
                        principalTable: "local_offer_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "local_offer_taxonomy_terms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    taxonomy_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_offer_taxonomy_terms", x => x.id);
                    table.ForeignKey(
                        name: "fk_local_offer_taxonomy_terms_local_offer_taxonomies_taxonomy_id",
                        column: x => x.taxonomy_id,
                        principalTable: "local_offer_taxonomies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "local_offer_service_sites",
                columns: table => new
                {
                    service_at_location_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_offer_service_sites", x => x.service_at_location_id);
                    table.ForeignKey(
                        name: "fk_local_offer_service_sites_local_offer_services_service_id",
                        column: x => x.service_id,
                        principalTable: "local_offer_services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "local_offer_service_terms",
                columns: table => new
                {
                    term_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_offer_service_terms", x => new { x.service_id, x.term_id });
                    table.ForeignKey(
                        name: "fk_local_offer_service_terms_local_offer_services_service_id",
                        column: x => x.service_id,
                        principalTable: "local_offer_services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "local_offer_taxonomies",
                columns: new[] { "id", "description", "name", "uri", "version" },
                values: new object[,]
                {
                    { new Guid("6166a1fe-5a43-5c12-9211-a12f3c038bda"), "What a service is for, as a local offer must cover (Children and Families Act 2014 s.30; SEND Code of Practice 2015 chapter 4).", "OpenSEND local offer: kinds of service", null, "1" },
                    { new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4"), "The areas of need the DfE's SEN2 return and the school census record.", "SEN2 need types", null, "2025" }
                });

            migrationBuilder.InsertData(
                table: "local_offer_taxonomy_terms",
                columns: new[] { "id", "code", "description", "name", "parent_id", "taxonomy_id" },
                values: new object[,]
                {
                    { new Guid("09a5485a-9847-5317-afdc-4143dadc197c"), "MLD", "SEN2 need type MLD", "Moderate learning difficulty", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("2462a469-7ac6-5c1f-bc1d-db367668dc86"), "SLCN", "SEN2 need type SLCN", "Speech, language and communication needs", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("65c6beda-2668-5de3-845d-41e34526e614"), "leisure", "Clubs, sport, play and holiday activities", "Leisure and activities", null, new Guid("6166a1fe-5a43-5c12-9211-a12f3c038bda") },
                    { new Guid("6805ee88-fe87-5954-bb43-ea6188412416"), "PD", "SEN2 need type PD", "Physical disability", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("6a267d1b-978f-57cf-9b91-e1484ebc9a52"), "health", "Therapies, community health, child and adolescent mental health", "Health", null, new Guid("6166a1fe-5a43-5c12-9211-a12f3c038bda") },
                    { new Guid("86d7a5e0-2240-53a6-a213-35a10add07a8"), "adulthood", "Employment, independent living, friends and community, and good health", "Preparing for adulthood", null, new Guid("6166a1fe-5a43-5c12-9211-a12f3c038bda") },
                    { new Guid("8952c215-c0fc-5211-b25d-fbd0fad3e95a"), "SLD", "SEN2 need type SLD", "Severe learning difficulty", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("a11e9a02-1c6f-5455-b1aa-bb0d99ddbbea"), "ASD", "SEN2 need type ASD", "Autistic spectrum disorder", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("a17a0bad-cbcb-5fa2-895a-e7d2e364fbd8"), "short-breaks", "Time away for disabled children and a break for their families (Breaks for Carers of Disabled Children Regulations 2011)", "Short breaks and respite", null, new Guid("6166a1fe-5a43-5c12-9211-a12f3c038bda") },
                    { new Guid("ab75773d-2899-5fbb-af60-67446105d9f2"), "SPLD", "SEN2 need type SPLD", "Specific learning difficulty", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("acaca6a1-73b2-54cb-8e3a-c4094f849990"), "education", "Schools, colleges, early years and the support they give", "Education", null, new Guid("6166a1fe-5a43-5c12-9211-a12f3c038bda") },
                    { new Guid("ae0ee557-7a4f-505a-bf6a-e71833d46abe"), "DS", "SEN2 need type DS", "Down syndrome", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("babc4dae-5467-5f53-8d93-5a62fc0c301f"), "OTH", "SEN2 need type OTH", "Other difficulty or disability", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("bf2acb24-5098-5203-b9d0-7f6f38a117d6"), "PMLD", "SEN2 need type PMLD", "Profound and multiple learning difficulty", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("d26ca15f-e80c-55a6-9718-16fa4016a23a"), "social-care", "Care and support for children and families", "Social care", null, new Guid("6166a1fe-5a43-5c12-9211-a12f3c038bda") },
                    { new Guid("d34717e4-0383-5903-b50f-c1a8dccb51df"), "HI", "SEN2 need type HI", "Hearing impairment", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("d99e6379-1bcb-53b9-bf7e-2982a59e574a"), "MSI", "SEN2 need type MSI", "Multi-sensory impairment", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("f7495d3f-6844-5d25-a3fe-79b9310b23f1"), "SEMH", "SEN2 need type SEMH", "Social, emotional and mental health", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("fed50441-c86a-55ee-a897-66c470b5f0a7"), "VI", "SEN2 need type VI", "Vision impairment", null, new Guid("b827a5c3-c2ec-5951-9409-b2a774d260a4") },
                    { new Guid("ff40218a-0547-5b10-89f2-0c534c25f518"), "advice", "Including the SEND information, advice and support service (SENDIASS)", "Information, advice and support", null, new Guid("6166a1fe-5a43-5c12-9211-a12f3c038bda") }
                });

            migrationBuilder.CreateIndex(
                name: "ix_local_offer_providers_la_code_name",
                table: "local_offer_providers",
                columns: new[] { "la_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_local_offer_service_sites_service_id",
                table: "local_offer_service_sites",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "ix_local_offer_service_terms_term_id",
                table: "local_offer_service_terms",
                column: "term_id");

            migrationBuilder.CreateIndex(
                name: "ix_local_offer_services_la_code_name",
                table: "local_offer_services",
                columns: new[] { "la_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_local_offer_services_provider_id",
                table: "local_offer_services",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_local_offer_taxonomy_terms_taxonomy_id_code",
                table: "local_offer_taxonomy_terms",
                columns: new[] { "taxonomy_id", "code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "local_offer_service_sites");

            migrationBuilder.DropTable(
                name: "local_offer_service_terms");

            migrationBuilder.DropTable(
                name: "local_offer_taxonomy_terms");

            migrationBuilder.DropTable(
                name: "local_offer_services");

            migrationBuilder.DropTable(
                name: "local_offer_taxonomies");

            migrationBuilder.DropTable(
                name: "local_offer_providers");
        }
    }
}
