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
                    { new Guid("1e08bd72-4140-5e14-8744-5cb9897b998f"), "What a service is for, as a local offer must cover (Children and Families Act 2014 s.30; SEND Code of Practice 2015 chapter 4).", "OpenSEND local offer: kinds of service", null, "1" },
                    { new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9"), "The areas of need the DfE's SEN2 return and the school census record.", "SEN2 need types", null, "2025" }
                });

            migrationBuilder.InsertData(
                table: "local_offer_taxonomy_terms",
                columns: new[] { "id", "code", "description", "name", "parent_id", "taxonomy_id" },
                values: new object[,]
                {
                    { new Guid("02a324a5-5e10-543f-9395-c3a35f511fa6"), "health", "Therapies, community health, child and adolescent mental health", "Health", null, new Guid("1e08bd72-4140-5e14-8744-5cb9897b998f") },
                    { new Guid("12d97274-7289-54e7-815a-14d520a5e602"), "SEMH", "SEN2 need type SEMH", "Social, emotional and mental health", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("1cdef8bc-90e5-5f35-b54e-8af32f2c95f3"), "ASD", "SEN2 need type ASD", "Autistic spectrum disorder", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("2147b060-ae51-5a89-99a2-8d53cc04a022"), "adulthood", "Employment, independent living, friends and community, and good health", "Preparing for adulthood", null, new Guid("1e08bd72-4140-5e14-8744-5cb9897b998f") },
                    { new Guid("29d7ef7a-2e92-580e-abdc-77e144362a03"), "education", "Schools, colleges, early years and the support they give", "Education", null, new Guid("1e08bd72-4140-5e14-8744-5cb9897b998f") },
                    { new Guid("4ac58f8f-4767-5457-9e67-1acdf13a1770"), "social-care", "Care and support for children and families", "Social care", null, new Guid("1e08bd72-4140-5e14-8744-5cb9897b998f") },
                    { new Guid("55bcc114-2f98-536c-a79f-938e800346e9"), "PD", "SEN2 need type PD", "Physical disability", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("701e9352-b89e-5098-a6fa-e1e3bdf92402"), "MLD", "SEN2 need type MLD", "Moderate learning difficulty", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("72d91726-be20-56e6-8d85-a4114da74165"), "advice", "Including the SEND information, advice and support service (SENDIASS)", "Information, advice and support", null, new Guid("1e08bd72-4140-5e14-8744-5cb9897b998f") },
                    { new Guid("7daa135a-a044-5604-9c77-d1f83903a7c4"), "HI", "SEN2 need type HI", "Hearing impairment", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("858cc830-e7d8-5196-a832-68a9781628a6"), "SPLD", "SEN2 need type SPLD", "Specific learning difficulty", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("8fc16748-c49a-5879-a55f-0d7a23ea06dc"), "leisure", "Clubs, sport, play and holiday activities", "Leisure and activities", null, new Guid("1e08bd72-4140-5e14-8744-5cb9897b998f") },
                    { new Guid("96ac18f9-b36e-5587-bfb7-0961e0c6d01c"), "PMLD", "SEN2 need type PMLD", "Profound and multiple learning difficulty", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("aa3a54b4-e050-5fe2-bd2c-b6c6d328f9bf"), "SLD", "SEN2 need type SLD", "Severe learning difficulty", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("c39fb06a-cef1-55bc-a90a-e334a61706dd"), "short-breaks", "Time away for disabled children and a break for their families (Breaks for Carers of Disabled Children Regulations 2011)", "Short breaks and respite", null, new Guid("1e08bd72-4140-5e14-8744-5cb9897b998f") },
                    { new Guid("c4df27ea-1468-57ed-be80-7ce40a901c35"), "OTH", "SEN2 need type OTH", "Other difficulty or disability", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("cb587e2f-e51f-5748-96e4-e883edf17e43"), "MSI", "SEN2 need type MSI", "Multi-sensory impairment", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("d13ff5d7-bbcd-5c6d-b12d-23b066dbc810"), "VI", "SEN2 need type VI", "Vision impairment", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("d35454b5-8874-5325-abe5-68c23f22ec55"), "SLCN", "SEN2 need type SLCN", "Speech, language and communication needs", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") },
                    { new Guid("e9ae208c-421a-537a-a78e-83bf633eaf57"), "DS", "SEN2 need type DS", "Down syndrome", null, new Guid("ee516338-cf74-528f-bfee-4dc0d2e1bdb9") }
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
