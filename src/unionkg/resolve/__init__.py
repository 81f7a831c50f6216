"""Resolution across articles: campaign variants, namesakes, the union and place hierarchy."""
