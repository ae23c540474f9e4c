from kg.cli import main

if __name__ == "__main__":  # worker processes re-import this module (kg.sparql_pool)
    main()
