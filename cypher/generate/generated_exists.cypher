RETURN
  EXISTS { MATCH (n:Work) WHERE n.key STARTS WITH 'gen:' }
  OR EXISTS { MATCH (n:Researcher) WHERE n.key STARTS WITH 'gen:' }
  OR EXISTS { MATCH (n:Topic) WHERE n.key STARTS WITH 'gen:' }
  OR EXISTS { MATCH (n:Institution) WHERE n.key STARTS WITH 'gen:' } AS found
