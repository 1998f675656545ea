"""Graph storage (embedded FalkorDB or Neo4j 5), loading, linking, export and analysis."""
