"""The FastAPI service over the plan graph."""
